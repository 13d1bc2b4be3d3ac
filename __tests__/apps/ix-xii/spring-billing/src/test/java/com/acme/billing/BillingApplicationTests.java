package com.acme.billing;

class BillingApplicationTests {
    // SpringApplication.run(...) is started by the test runner
}
