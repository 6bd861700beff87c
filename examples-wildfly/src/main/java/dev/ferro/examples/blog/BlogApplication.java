package dev.ferro.examples.blog;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: every resource and exception mapper of this package, found by the server. */
@ApplicationPath("/")
public class BlogApplication extends Application {
}
