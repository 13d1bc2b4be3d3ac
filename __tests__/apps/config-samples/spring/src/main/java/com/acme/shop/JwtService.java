package com.acme.shop;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class JwtService {
    private static final String PASSWORD_PARAM = "password";
    private static final String TOKEN_HEADER = "X-Auth-Token";
    private final Algorithm algorithm;

    public JwtService(@Value("${app.jwt.secret}") String secret) {
        this.algorithm = Algorithm.HMAC256(secret);
    }

    public String issue(String subject) {
        return JWT.create().withSubject(subject).sign(algorithm);
    }
}
