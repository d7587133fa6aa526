package org.longlag.tasks.suite.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.longlag.tasks.suite.RunJob;
import org.longlag.tasks.suite.RunWorker;
import org.longlag.tasks.suite.SuiteEngine;

/**
 * Runs a suite's runs on Apache Spark: each run is one Spark job of one task ({@link TrainRun}), so
 * each executor core trains one run on one thread, Spark retries a run whose executor was lost, and
 * the driver gets each run back the moment it ends (not when the whole suite ends). The driver writes
 * the results store ({@link org.longlag.tasks.suite.SuiteRunner}); executors never touch it. A run's
 * artifacts come back with its record as bytes, so the store needs no file system shared with the
 * cluster; checkpoints are written by the executors under the store's artifacts directory, so they
 * survive the loss of a worker when that directory is on a file system every worker sees.
 *
 * <p>Nothing outside this package refers to Spark's classes: the command line loads this class by
 * name, and only when asked for {@code --engine spark}.
 */
public final class SparkEngine implements SuiteEngine {

    /** Spark's master URLs that longlag accepts, checked before anything starts. */
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?\\])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://([^/:,\\s]+:[0-9]{1,5})(,[^/:,\\s]+:[0-9]{1,5})*");

    private final JavaSparkContext sc;
    private final String master;
    private final ExecutorService waiters = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "longlag-spark-results");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Runnable> queued = new ArrayDeque<>();
    private int running;
    private double startSeconds;

    private SparkEngine(JavaSparkContext sc, String master) {
        this.sc = sc;
        this.master = master;
    }

    /** Seconds from asking for a Spark context to having it (and, on a cluster, a first executor). */
    public double startSeconds() {
        return startSeconds;
    }

    /**
     * Checks a master URL's form: local, local[N], local[*], local[N,F], spark://host:port[,host:port...],
     * yarn, or k8s://URL.
     *
     * @throws IllegalArgumentException naming the problem, in one line
     */
    public static void checkMaster(String master) {
        if (master == null || master.isBlank()) throw new IllegalArgumentException("--master is empty; give e.g. local[2] or spark://host:7077");
        if (LOCAL.matcher(master).matches() || master.equals("yarn") || master.startsWith("k8s://") && master.length() > 6) return;
        Matcher m = STANDALONE.matcher(master);
        if (m.matches()) {
            for (String hp : master.substring("spark://".length()).split(",")) {
                int port = Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1));
                if (port < 1 || port > 65535) throw new IllegalArgumentException("malformed master URL '" + master + "': port " + port + " is not in 1..65535");
            }
            return;
        }
        throw new IllegalArgumentException("malformed master URL '" + master + "'; expected local, local[N], local[*], spark://HOST:PORT, yarn or k8s://URL");
    }

    /**
     * Starts a Spark context on {@code master} (null: the master spark-submit gave, spark.master) and
     * waits until the cluster gives it at least one executor.
     *
     * @param conf         further Spark settings (spark.executor.memory, ...), applied last
     * @param waitSeconds  how long to wait for a first executor of a cluster before giving up
     * @throws IllegalArgumentException in one line: a malformed URL, an unreachable master, a cluster that gives no executor
     */
    public static SparkEngine start(String master, String appName, Map<String, String> conf, int waitSeconds) {
        SparkConf c = new SparkConf(true); // takes spark.* system properties, as spark-submit sets them
        if (master == null) {
            if (!c.contains("spark.master")) throw new IllegalArgumentException("--engine spark needs --master URL (or a spark-submit that sets spark.master)");
            master = c.get("spark.master");
        }
        checkMaster(master);
        if (master.startsWith("spark://")) reachable(master);
        c.setMaster(master).setAppName(appName);
        c.setIfMissing("spark.ui.enabled", "false");
        if (master.startsWith("local")) {
            // everything is in this process: listen on the loopback only, not on the machine's network
            c.setIfMissing("spark.driver.host", "127.0.0.1");
            c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        c.setIfMissing("spark.ui.showConsoleProgress", "false");
        c.set("spark.task.cpus", "1");
        // ND4J on one native thread (it would otherwise start one per core in every executor); runs go in parallel over cores
        c.set("spark.executorEnv.OMP_NUM_THREADS", "1");
        // the executors run longlag's code: the driver's own class path, when not submitted with spark-submit (which ships the jars)
        if (!c.contains("spark.jars") && !master.startsWith("local")) c.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        // and the driver's choice of Vector API and OpenBLAS, so that a run computes what it computes on the driver's machine
        if (!master.startsWith("local")) c.setIfMissing("spark.executor.extraJavaOptions", String.join(" ", numericsOptions()));
        for (Map.Entry<String, String> e : conf.entrySet()) c.set(e.getKey(), e.getValue());
        long clock = System.nanoTime();
        JavaSparkContext sc;
        try {
            sc = new JavaSparkContext(c);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("could not start Spark on " + master + ": " + oneLine(e));
        }
        SparkEngine engine = new SparkEngine(sc, master);
        if (!master.startsWith("local")) {
            try {
                engine.awaitExecutor(waitSeconds, c.get("spark.executor.memory", "1g"));
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        }
        engine.startSeconds = (System.nanoTime() - clock) / 1e9;
        return engine;
    }

    /** The options of this JVM that choose how runs compute: the Vector API, the OpenBLAS and its library path, JavaCPP's memory limits. */
    static List<String> numericsOptions() {
        List<String> out = new java.util.ArrayList<>();
        List<String> args = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-Dorg.bytedeco.") || a.startsWith("-Djava.library.path=") || a.startsWith("--add-modules=")) out.add(a);
            else if (a.equals("--add-modules") && i + 1 < args.size()) out.add("--add-modules=" + args.get(++i));
        }
        return out;
    }

    private static void reachable(String master) {
        for (String hp : master.substring("spark://".length()).split(",")) {
            int colon = hp.lastIndexOf(':');
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))), 5000);
                return;
            } catch (IOException e) {
                if (!master.contains(",")) throw new IllegalArgumentException("cannot reach the Spark master at " + master + ": " + oneLine(e));
            }
        }
        throw new IllegalArgumentException("cannot reach any Spark master of " + master);
    }

    /** The executors the cluster gave this application (the driver not counted). */
    public int executors() {
        return Math.max(0, sc.sc().getExecutorMemoryStatus().size() - 1);
    }

    private void awaitExecutor(int seconds, String memory) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (executors() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the cluster at %s gave no executor within %d s: no worker has %s of "
                        + "memory (spark.executor.memory) and a core free for one run; lower spark.executor.memory or add workers", master, seconds, memory));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the cluster's executors", e);
            }
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Spark %s on %s (%s, %d core(s): one run per core; started in %.1f s)", sc.version(), master,
                master.startsWith("local") ? "in this process" : executors() + " executor(s)", slots(), startSeconds);
    }

    /** Cores of the cluster's executors (one run each). */
    @Override
    public int slots() {
        return Math.max(1, sc.defaultParallelism());
    }

    @Override
    public int threadsPerRun() {
        return 1;
    }

    /**
     * Submits the run as a Spark job of one task. Spark is given a few more jobs than it has cores, so
     * a core never waits for the driver; the rest wait here (a grid of thousands of runs is not
     * thousands of Spark jobs at once).
     */
    @Override
    public synchronized void submit(RunJob job, RunWorker.Progress progress, Consumer<Result> done) {
        queued.add(() -> launch(job, progress, done));
        drain();
    }

    private synchronized void drain() {
        while (!queued.isEmpty() && running < 2 * slots()) {
            running++;
            queued.poll().run();
        }
    }

    private void launch(RunJob job, RunWorker.Progress progress, Consumer<Result> done) {
        progress.onStart();
        JavaFutureAction<List<String>> f;
        try {
            sc.setJobDescription(job.run().id());
            f = sc.parallelize(List.of(job.toJson()), 1).map(new TrainRun()).collectAsync();
        } catch (RuntimeException e) {
            finish(done, new Result(job, null, e));
            return;
        }
        waiters.submit(() -> {
            Result r;
            try {
                r = new Result(job, TrainRun.decode(f.get().get(0)), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r = new Result(job, null, e);
            } catch (Exception e) {
                r = new Result(job, null, new IllegalStateException("Spark gave up on the run: " + oneLine(e), e));
            }
            finish(done, r);
        });
    }

    private void finish(Consumer<Result> done, Result r) {
        synchronized (this) {
            running--;
        }
        done.accept(r);
        drain();
    }

    @Override
    public void close() {
        waiters.shutdownNow();
        sc.stop();
    }

    /** The Spark settings a run's executors get from longlag, for the record of what ran where. */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        for (scala.Tuple2<String, String> t : sc.getConf().getAll()) m.put(t._1(), t._2());
        return m;
    }

    static String oneLine(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }
}
