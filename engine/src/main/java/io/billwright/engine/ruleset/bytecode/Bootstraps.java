package io.billwright.engine.ruleset.bytecode;

import org.objectweb.asm.Handle;

/** The invokedynamic bootstraps javac emits for string concatenation and lambdas, and nothing else. */
final class Bootstraps {

    private Bootstraps() {
    }

    static boolean permits(Handle bootstrap) {
        return switch (bootstrap.getOwner()) {
            case "java/lang/invoke/StringConcatFactory" -> bootstrap.getName().equals("makeConcatWithConstants");
            case "java/lang/invoke/LambdaMetafactory" -> bootstrap.getName().equals("metafactory");
            default -> false;
        };
    }
}
