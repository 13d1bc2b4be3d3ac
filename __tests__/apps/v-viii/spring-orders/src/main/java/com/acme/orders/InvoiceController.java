package com.acme.orders;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
class InvoiceController {
  @PostMapping("/invoices")
  void upload(@RequestParam MultipartFile file) throws Exception {
    Path tmp = Files.createTempFile("invoice", ".pdf");
    file.transferTo(tmp);
    InvoiceStore.putToS3(tmp);
  }
}
