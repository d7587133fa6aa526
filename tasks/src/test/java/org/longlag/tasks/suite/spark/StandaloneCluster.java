package org.longlag.tasks.suite.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and workers, each its own JVM started
 * from Spark's classes on the test class path, on free ports, each worker with one core and its own
 * work directory. {@link #close} kills every process it started and their children (the executors).
 */
final class StandaloneCluster implements AutoCloseable {

    final Path dir;
    final int port;
    final int webPort;
    private final List<Process> processes = new ArrayList<>();
    final List<Process> workers = new ArrayList<>();
    final List<Path> workDirs = new ArrayList<>();

    StandaloneCluster(Path dir, int workers, String workerMemory) throws Exception {
        this.dir = dir;
        // a Spark home for the workers' executor command: an empty jars directory (the executors' classes come from
        // spark.executor.extraClassPath, the driver's class path)
        Files.createDirectories(dir.resolve("spark-home/jars"));
        this.port = freePort();
        this.webPort = freePort();
        processes.add(start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--webui-port", String.valueOf(webPort)));
        awaitPort(port, 60);
        for (int i = 0; i < workers; i++) addWorker(workerMemory);
        awaitWorkers(workers, 60);
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    void addWorker(String memory) throws Exception {
        int i = workDirs.size();
        Path work = Files.createDirectories(dir.resolve("worker-" + i));
        workDirs.add(work);
        Process p = start("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", String.valueOf(freePort()),
                "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", memory, "--work-dir", work.toString(), url());
        processes.add(p);
        workers.add(p);
    }

    private Process start(String name, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(main);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        return pb.start();
    }

    /** The index of the worker that runs executor {@code executorId} (its work directory holds app-.../ID), or -1. */
    int workerOf(String executorId) throws IOException {
        for (int i = 0; i < workDirs.size(); i++) {
            try (Stream<Path> apps = Files.list(workDirs.get(i))) {
                for (Path app : (Iterable<Path>) apps::iterator) if (Files.isDirectory(app.resolve(executorId))) return i;
            }
        }
        return -1;
    }

    /** SIGKILL to the worker and its executors at once: they die without a word to anyone, as on a machine that is lost. */
    void killWorker(int i) throws Exception {
        Process p = workers.get(i);
        List<ProcessHandle> all = new ArrayList<>(p.toHandle().descendants().toList());
        all.add(p.toHandle());
        for (ProcessHandle h : all) h.destroyForcibly();
        for (ProcessHandle h : all) h.onExit().get(20, TimeUnit.SECONDS);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the Spark master did not open port " + port + " within " + seconds + " s");
                Thread.sleep(100);
            }
        }
    }

    /** Waits until the master counts {@code n} alive workers (its JSON status page). */
    void awaitWorkers(int n, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/json/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = alive.matcher(body);
                if (m.find() && Integer.parseInt(m.group(1)) >= n) return;
            } catch (IOException e) {
                // the web page is not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(n + " Spark worker(s) did not register within " + seconds + " s");
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            p.toHandle().descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        for (ProcessHandle h : all) h.destroyForcibly();
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone or not: nothing more to do
            }
        }
    }
}
