package com.acme.billing;

import org.flywaydb.core.Flyway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AdminController {
    private final Flyway flyway;

    public AdminController(Flyway flyway) {
        this.flyway = flyway;
    }

    @GetMapping("/admin/migrations")
    public Object applied() {
        return flyway.info().applied();
    }

    @PostMapping("/admin/reindex")
    public String reindex() {
        return "queued";
    }
}
