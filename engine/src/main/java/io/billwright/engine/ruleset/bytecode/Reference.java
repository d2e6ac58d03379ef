package io.billwright.engine.ruleset.bytecode;

/**
 * One thing a generated class's code uses: a method, a field, a type, or an instruction the check refuses
 * whatever it names.
 *
 * @param owner      the class used, as an internal name ({@code java/lang/Class})
 * @param member     the method or field name, or null for the type itself
 * @param descriptor the member's JVM descriptor, or null
 * @param from       the generated class, as a binary name
 * @param problem    for an instruction refused on its own (a loop, an unbounded array): why; else null
 */
record Reference(String owner, String member, String descriptor, String from, String problem) {

    static Reference member(String owner, String member, String descriptor, String from) {
        return new Reference(owner, member, descriptor, from, null);
    }

    static Reference type(String owner, String from) {
        return new Reference(owner, null, null, from, null);
    }

    static Reference refused(String problem, String from) {
        return new Reference("", null, null, from, problem);
    }

    /** {@code java.lang.Class.getClassLoader()}, as an analyst reads it. */
    String readable() {
        String type = owner.replace('/', '.');
        return member == null ? type : type + "." + member + (descriptor != null && descriptor.startsWith("(") ? "()" : "");
    }
}
