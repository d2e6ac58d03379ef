package io.billwright.messaging.operations;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused operations call answers with its status and one sentence saying why, as JSON. */
@RestControllerAdvice(basePackageClasses = OperationsErrors.class)
class OperationsErrors {

    @ExceptionHandler(ManualDecisions.Refused.class)
    ResponseEntity<Map<String, String>> refused(ManualDecisions.Refused refused) {
        return ResponseEntity.status(refused.status()).body(Map.of("error", refused.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> unavailable(IllegalStateException failure) {
        return ResponseEntity.status(503).body(Map.of("error", failure.getMessage()));
    }
}
