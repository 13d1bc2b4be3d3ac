package com.acme.orders;

import org.junit.jupiter.api.Test;

class OrdersApplicationTests {
    static final String URL = "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1";
    static final String PG = "jdbc:postgresql://localhost:5432/orders_test";

    @Test
    void contextLoads() {}
}
