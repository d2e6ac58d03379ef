/** The Spring Boot application: configuration, settings and wiring. */
package io.billwright.messaging.service;
