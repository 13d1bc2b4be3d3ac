package com.acme.orders;

import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class UnpaidOrderExpiry {
  private final OrderRepository orders;

  public UnpaidOrderExpiry(OrderRepository orders) {
    this.orders = orders;
  }

  @Scheduled(cron = "0 */10 * * * *")
  public void cancelUnpaidOrders() {
    orders.cancelUnpaidOlderThan(Duration.ofMinutes(30));
  }
}
