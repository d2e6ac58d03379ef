package io.billwright.messaging.operations;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /ops} and {@code /ops/}: the operations page (static, under {@code static/ops/}). */
@Controller
class OperationsPage {

    @GetMapping({"/ops", "/ops/"})
    String page() {
        return "forward:/ops/index.html";
    }
}
