package com.deltaenergy.invoicing.app.embedded;

import com.deltaenergy.invoicing.workflows.invoice.InvoiceWorkflowOptions;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test service bound to 127.0.0.1 with time skipping locked (off), so timers take
 * real time and the {@code temporal} CLI can connect. It keeps state in memory: workflows are lost
 * on restart, which the recovery sweep repairs from PostgreSQL.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

  private final TestServicesStarter services;
  private final Server server;

  private EmbeddedTemporalServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  public static EmbeddedTemporalServer start(int port) {
    // lockTimeSkipping = true: behave like a real server in respect to time.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server;
    try {
      server = builder.build().start();
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "could not bind the embedded Temporal service to 127.0.0.1:" + port
              + " (set EMBEDDED_TEMPORAL_PORT, or TEMPORAL_ADDRESS to use an external service)",
          e);
    }
    EmbeddedTemporalServer started = new EmbeddedTemporalServer(services, server);
    try {
      registerSearchAttributes(started.target());
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    log.info("Embedded Temporal service listening on {}", started.target());
    return started;
  }

  public String target() {
    return target(server.getPort());
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      // Closed after the workers and the client's stubs: what is still in flight is a long poll
      // nobody waits for. Five seconds here were a sixth of the 30 s a SIGTERM allows (the
      // shutdown check's exchange-down case exited after 27.4 s).
      if (!server.awaitTermination(1, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    } finally {
      services.close();
    }
  }

  private static String target(int port) {
    return "127.0.0.1:" + port;
  }

  private static void registerSearchAttributes(String target) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(target)
                .validateAndBuildWithDefaults());
    try {
      AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder();
      for (String name :
          new String[] {
            InvoiceWorkflowOptions.INVOICE_NUMBER.getName(),
            InvoiceWorkflowOptions.INVOICE_STATUS.getName(),
            InvoiceWorkflowOptions.CLIENT_NAME.getName()
          }) {
        request.putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      operator.blockingStub().addSearchAttributes(request.build());
    } finally {
      operator.shutdown();
    }
  }
}
