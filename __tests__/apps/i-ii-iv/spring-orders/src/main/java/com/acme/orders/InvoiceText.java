package com.acme.orders;

import java.io.IOException;
import java.nio.file.Path;

public class InvoiceText {
    public Process extract(Path pdf) throws IOException {
        return new ProcessBuilder("pdftotext", pdf.toString(), "-").start();
    }
}
