package com.deltaenergy.invoicing.worker.startup;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM the workers stop polling first, before the database pool and the Temporal connection
 * close, and the activities in flight get a bounded time to finish and report; whatever is still
 * running then is left to Temporal, which retries it on another worker after its timeout. Without
 * this the factory is only told to shut down when its bean is destroyed, after everything it
 * needs is gone.
 */
@Component
public class BoundedWorkerShutdown implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BoundedWorkerShutdown.class);

  private final WorkerFactory workers;
  private final Duration grace;
  private volatile boolean running;

  public BoundedWorkerShutdown(
      WorkerFactory workers, @Value("${invoicing.worker.shutdown-grace:8s}") Duration grace) {
    this.workers = workers;
    this.grace = grace;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (workers.isShutdown() || workers.isTerminated()) {
      return;
    }
    workers.shutdown();
    workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    if (!workers.isTerminated()) {
      log.warn("Activities still running after {}; left to Temporal to retry", grace);
      workers.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Early in shutdown: right after the web server stops taking requests. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }
}
