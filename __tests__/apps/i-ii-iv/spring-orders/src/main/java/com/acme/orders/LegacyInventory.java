package com.acme.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

public class LegacyInventory {
    public Connection open(String user, String password) throws SQLException {
        // The old inventory database, not yet migrated.
        return DriverManager.getConnection("jdbc:mysql://10.0.4.12:3306/inventory", user, password);
    }
}
