package com.deltaenergy.invoicing.persistence.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.deltaenergy.invoicing.persistence.support.MigratedDatabase;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class InvoiceNumberAllocatorTest {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  private static final long DEFAULT_TENANT = 1;

  private final InvoiceNumberAllocator numbers = new InvoiceNumberAllocator(DATABASE.jdbc());
  private final TransactionTemplate transactions =
      new TransactionTemplate(new DataSourceTransactionManager(DATABASE.dataSource()));

  @Test
  void concurrentCreatesGetConsecutiveNumbersWithoutGapsOrRepeats() throws Exception {
    YearMonth month = YearMonth.of(2031, 3);
    int threads = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<List<String>> allocate =
            () -> {
              start.await();
              List<String> mine = new ArrayList<>();
              for (int i = 0; i < each; i++) {
                mine.add(next(month));
              }
              return mine;
            };
        results.add(pool.submit(allocate));
      }
      start.countDown();
      List<String> all = new ArrayList<>();
      for (Future<List<String>> result : results) {
        all.addAll(result.get());
      }

      assertThat(all)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.rangeClosed(1, threads * each).mapToObj(n -> String.format("DPY-2031-03-%04d", n)).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRolledBackCreateGivesItsNumberBack() {
    YearMonth month = YearMonth.of(2031, 4);
    assertThat(next(month)).isEqualTo("DPY-2031-04-0001");

    String rolledBack =
        transactions.execute(
            status -> {
              status.setRollbackOnly();
              return numbers.next(DEFAULT_TENANT, month);
            });

    assertThat(rolledBack).isEqualTo("DPY-2031-04-0002");
    assertThat(next(month)).isEqualTo("DPY-2031-04-0002");
  }

  /** One create's transaction: the number and nothing else. */
  private String next(YearMonth month) {
    return transactions.execute(status -> numbers.next(DEFAULT_TENANT, month));
  }
}
