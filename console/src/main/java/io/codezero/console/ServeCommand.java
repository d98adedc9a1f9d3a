package io.codezero.console;

import io.codezero.stacks.console.ConsoleCommand;
import io.codezero.stacks.console.KubeApi;
import io.codezero.stacks.console.Kubeconfig;
import io.codezero.stacks.console.StackLocationOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code codezero console} without a NAME: serves the CodeZero console on 127.0.0.1 and prints its URL. Exit 2 for bad
 * input, 1 when the stack or the cluster cannot be read.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Serve the CodeZero console (apps, routes, links, drift) on 127.0.0.1 through the Kubernetes API.")
public final class ServeCommand implements Callable<Integer> {
    /** --project, --stack, --prefix, --kubeconfig, --port: the same options, read the same way, as {@code console NAME}. */
    @Mixin
    StackLocationOptions location = new StackLocationOptions();

    @Option(names = "--objects", paramLabel = "FILE",
            description = "the plan's objects (./codezero plan DIR --stack S --objects-out FILE): what the stack declares, for the drift page")
    Path objects;

    PrintStream out = System.out;
    PrintStream err = System.err;
    /** Tests stop the server instead of waiting for Ctrl-C. */
    CountDownLatch stop = new CountDownLatch(1);
    /** The running server (tests read its URL). */
    volatile ConsoleServer server;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>(location.problems());
        if (objects != null && !Files.isReadable(objects)) {
            problems.add("--objects " + objects + ": no such readable file (write it with ./codezero plan DIR --stack S --objects-out FILE)");
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            return 2;
        }
        try {
            ConsoleCommand.StackOutputs outputs = location.read("pulumi");
            Kubeconfig config = Kubeconfig.parse(outputs.kubeconfig(), outputs.baseDir());
            Optional<Path> stackFile = location.stack() == null ? Optional.empty()
                    : Optional.of(location.project().resolve("Pulumi." + location.stack() + ".yaml"));
            Declared declared = objects == null ? Declared.none() : Declared.read(objects, stackFile);
            KubeApi api = new KubeApi(config);
            api.get("/version");  // the cluster answers before a URL is printed
            server = new ConsoleServer(api, config.server().toString(), declared, location.port());
            out.println("CodeZero console: " + server.url());
            out.println("(the token works once; 127.0.0.1 only; read-only. Press Ctrl-C to stop.)");
            out.flush();
            stop.await();
            server.close();
            return 0;
        } catch (Kubeconfig.KubeconfigException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
