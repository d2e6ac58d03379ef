package io.billwright.rules.cli;

import io.billwright.rules.release.ReleaseKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Creates a release signing key pair with the JDK (Ed25519). */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Release signing keys.",
        subcommands = KeysCommand.Generate.class)
final class KeysCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Write a new Ed25519 signing key (NAME.pem: the private and public key, readable by its owner"
                    + " only) and its public key (NAME.pub.pem) for the services that trust it."})
    static final class Generate implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write both files to")
        Path out;

        @Option(names = "--name", defaultValue = "release-signing", paramLabel = "NAME",
                description = "the files' name (default ${DEFAULT-VALUE})")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter print = spec.commandLine().getOut();
            Files.createDirectories(out);
            Path privateFile = out.resolve(name + ".pem");
            Path publicFile = out.resolve(name + ".pub.pem");
            if (Files.exists(privateFile)) {
                spec.commandLine().getErr().println(privateFile + " exists; not overwriting a signing key");
                return 2;
            }
            KeyPair pair = ReleaseKeys.generate();
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateFile, ReleaseKeys.privatePem(pair.getPrivate()) + ReleaseKeys.publicPem(pair.getPublic()));
            Files.writeString(publicFile, ReleaseKeys.publicPem(pair.getPublic()));
            print.println("signing key " + ReleaseKeys.keyId(pair.getPublic()) + ": " + privateFile
                    + " (keep it secret; BILLWRIGHT_RELEASE_SIGNING_KEY_FILE=" + privateFile + ")");
            print.println("public key: " + publicFile + " (copy it into each service's trusted-keys folder)");
            print.flush();
            return 0;
        }
    }
}
