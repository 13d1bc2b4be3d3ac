package com.acme.catalog

class SearchClientTest {
    val url = "http://localhost:9200"
}
