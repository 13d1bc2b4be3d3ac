package com.acme.catalog

import org.springframework.stereotype.Component
import org.springframework.web.client.RestClient

@Component
class SearchClient {
    private val client = RestClient.builder()
        .baseUrl("http://search.prod.internal:9200")
        .build()

    fun index(id: String, doc: Map<String, Any>) {
        client.put().uri("/products/_doc/{id}", id).body(doc).retrieve().toBodilessEntity()
    }
}
