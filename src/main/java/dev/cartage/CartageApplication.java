package dev.cartage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Cartage: the pipeline engine, its HTTP API and the built-in demo pile. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CartageApplication {

    public static void main(String[] args) {
        SpringApplication.run(CartageApplication.class, args);
    }
}
