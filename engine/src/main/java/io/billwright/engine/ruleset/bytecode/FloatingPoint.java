package io.billwright.engine.ruleset.bytecode;

import org.objectweb.asm.Opcodes;

/**
 * Floating-point arithmetic in rule code: money is {@code BigDecimal}, and a {@code double} rounds
 * amounts in binary ({@code 0.1 + 0.2}). The instructions that compute with or convert to a
 * {@code double} or {@code float}, and the members that turn a number into one ({@code doubleValue}).
 * A constant passed on as a {@code Number} computes nothing: the tax-rate table writes its rate cells
 * unquoted too, so that the compiler refuses a cell that is not a number.
 */
final class FloatingPoint {

    static final String WHY = "floating-point arithmetic (double or float): amounts are BigDecimal, so that they"
            + " round in decimal (use new BigDecimal(\"1.5\"), multiply, setScale)";

    /** Members that make a {@code double} or {@code float} of a number, on any class. */
    static boolean converts(String member) {
        return member.equals("doubleValue") || member.equals("floatValue") || member.equals("parseDouble")
                || member.equals("parseFloat");
    }

    private FloatingPoint() {
    }

    static boolean is(int opcode) {
        return switch (opcode) {
            case Opcodes.FADD, Opcodes.DADD, Opcodes.FSUB, Opcodes.DSUB, Opcodes.FMUL, Opcodes.DMUL,
                 Opcodes.FDIV, Opcodes.DDIV, Opcodes.FREM, Opcodes.DREM, Opcodes.FNEG, Opcodes.DNEG,
                 Opcodes.I2F, Opcodes.I2D, Opcodes.L2F, Opcodes.L2D, Opcodes.F2I, Opcodes.F2L, Opcodes.F2D,
                 Opcodes.D2I, Opcodes.D2L, Opcodes.D2F, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.DCMPL,
                 Opcodes.DCMPG -> true;
            default -> false;
        };
    }
}
