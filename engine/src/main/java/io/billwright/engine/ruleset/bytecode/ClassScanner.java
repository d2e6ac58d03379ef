package io.billwright.engine.ruleset.bytecode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one class file and lists everything its code uses. Also refuses, whatever they name, the
 * instructions a rule needs no use of and that could hold a consumer without bound: a backward jump (a
 * loop), an array whose size is not a small constant, {@code synchronized}, and constants that carry
 * method handles.
 */
final class ClassScanner extends ClassVisitor {

    /** The largest array a rule's code may create (varargs of the generated model are far smaller). */
    static final int MAX_ARRAY = 1_024;

    private final String from;
    private final List<Reference> references = new ArrayList<>();
    /** String constants per method, for telling which rule a generated rule method builds. */
    private final List<MethodFacts> methods = new ArrayList<>();

    /**
     * What one method of a class names: its string constants, the classes it uses, and the methods it calls
     * or takes a handle to, each as {@code owner.name descriptor} (for finding recursion).
     */
    record MethodFacts(String id, String name, List<String> strings, Set<String> owners, Set<String> calls) {
    }

    /** The class's own name, as its class file states it (an internal name). */
    private String declaredName;

    private ClassScanner(String from) {
        super(Opcodes.ASM9);
        this.from = from;
    }

    static ClassScanner scan(byte[] bytes, String binaryName) {
        ClassScanner scanner = new ClassScanner(binaryName);
        new ClassReader(bytes).accept(scanner, ClassReader.SKIP_FRAMES);
        return scanner;
    }

    List<Reference> references() {
        return references;
    }

    List<MethodFacts> methods() {
        return methods;
    }

    String declaredName() {
        return declaredName;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        declaredName = name;
        if ((version & 0xFFFF) < Opcodes.V1_8) {
            // older class files may use jsr/ret subroutines, which javac has not written since Java 7
            references.add(Reference.refused("a class file older than Java 8", from));
        }
        if (superName != null) {
            references.add(Reference.type(superName, from));
        }
        if (interfaces != null) {
            for (String type : interfaces) {
                references.add(Reference.type(type, from));
            }
        }
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            references.add(Reference.refused("a synchronized method (" + name + ")", from));
        }
        MethodFacts facts = new MethodFacts(declaredName + "." + name + " " + descriptor, name, new ArrayList<>(),
                new HashSet<>(), new HashSet<>());
        methods.add(facts);
        return new Code(facts);
    }

    /** One method's instructions. */
    private final class Code extends MethodVisitor {
        private final MethodFacts facts;
        private final Set<Label> seen = new HashSet<>();
        /** The constant the last instruction pushed, when it pushed a small int; else null. */
        private Integer pushed;
        /** The int on top of the stack is an existing array's length (an enum's values() copies its array). */
        private boolean lengthOfArray;
        private int lastOpcode = -1;
        /** Each exception handler with the start of the code it protects: a handler before it is a loop. */
        private final List<Label[]> handlers = new ArrayList<>();
        /** Labels in the order the code places them. */
        private final java.util.Map<Label, Integer> order = new java.util.HashMap<>();

        Code(MethodFacts facts) {
            super(Opcodes.ASM9);
            this.facts = facts;
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            order.put(label, order.size());
            // two paths may join here: what the last instruction pushed is not known any more
            pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            handlers.add(new Label[] {start, handler});
            if (type != null) {
                references.add(Reference.type(type, from));
            }
        }

        @Override
        public void visitEnd() {
            for (Label[] pair : handlers) {
                if (order.getOrDefault(pair[1], Integer.MAX_VALUE) <= order.getOrDefault(pair[0], -1)) {
                    references.add(Reference.refused("a loop through an exception handler", from));
                }
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode != Opcodes.DUP) {
                pushed = opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5 ? opcode - Opcodes.ICONST_0 : null;
                lengthOfArray = opcode == Opcodes.ARRAYLENGTH;
            }
            lastOpcode = opcode;
            if (FloatingPoint.is(opcode)) {
                references.add(Reference.refused(FloatingPoint.WHY, from));
            }
            if (opcode == Opcodes.MONITORENTER) {
                references.add(Reference.refused("a synchronized block", from));
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                checkArraySize();
            }
            pushed = opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH ? operand : null;
            lengthOfArray = false;
            lastOpcode = opcode;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.ANEWARRAY) {
                checkArraySize();
            }
            pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
            references.add(Reference.type(elementType(type), from));
            facts.owners().add(type);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
            references.add(Reference.refused("a multi-dimensional array", from));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
            references.add(Reference.member(owner, name, descriptor, from));
            facts.owners().add(owner);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
            references.add(Reference.member(elementType(owner), name, descriptor, from));
            facts.owners().add(owner);
            facts.calls().add(owner + "." + name + " " + descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
            if (!Bootstraps.permits(bootstrap)) {
                references.add(Reference.refused("an invokedynamic bootstrapped by "
                        + bootstrap.getOwner().replace('/', '.') + "." + bootstrap.getName(), from));
            }
            for (Object argument : arguments) {
                constant(argument);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            pushed = value instanceof Integer i ? i : null;
            lengthOfArray = false;
            lastOpcode = Opcodes.LDC;
            if (value instanceof String text) {
                facts.strings().add(text);
            }
            constant(value);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
            if (opcode == Opcodes.JSR) {
                references.add(Reference.refused("a subroutine (jsr)", from));
            }
            backward(label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
            backward(dflt);
            for (Label label : labels) {
                backward(label);
            }
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            visitTableSwitchInsn(0, 0, dflt, labels);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            if (opcode == Opcodes.RET) {
                references.add(Reference.refused("a subroutine (ret)", from));
            }
            if (!(opcode == Opcodes.ISTORE && lastOpcode == Opcodes.DUP)) {
                pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
                lengthOfArray = false;
            }
            lastOpcode = opcode;
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            pushed = null;
            lengthOfArray = false;
            lastOpcode = -1;
        }

        private void backward(Label target) {
            if (seen.contains(target)) {
                references.add(Reference.refused("a loop (a rule's code may not loop: let the rules match each"
                        + " fact, or use accumulate or collect)", from));
            }
        }

        private void checkArraySize() {
            if (lengthOfArray) {
                return;
            }
            if (pushed == null || pushed < 0 || pushed > MAX_ARRAY) {
                references.add(Reference.refused("an array whose size is not a constant of at most " + MAX_ARRAY,
                        from));
            }
        }

        private void constant(Object value) {
            if (value instanceof Handle handle) {
                references.add(Reference.member(handle.getOwner(), handle.getName(), handle.getDesc(), from));
                facts.owners().add(handle.getOwner());
                facts.calls().add(handle.getOwner() + "." + handle.getName() + " " + handle.getDesc());
            } else if (value instanceof ConstantDynamic) {
                references.add(Reference.refused("a dynamic constant", from));
            } else if (value instanceof Type type) {
                if (type.getSort() == Type.METHOD) {
                    references.add(Reference.refused("a method type constant", from));
                } else if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                    // a class literal names a class: one outside the allowlist is refused like a call on it
                    references.add(Reference.type(elementType(type.getInternalName()), from));
                    facts.owners().add(type.getInternalName());
                }
            }
        }
    }

    /** {@code [Ljava/lang/String;} is a use of {@code java/lang/String}. */
    private static String elementType(String type) {
        if (!type.startsWith("[")) {
            return type;
        }
        String element = type.replaceFirst("^\\[+", "");
        return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : "java/lang/Object";
    }
}
