package dev.ferro.examples.blog;

import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The tests' HTTP client: JSON requests to the blog, answers as status, body, Location and the next page's link. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** {@code next}: the target of the {@code Link: <...>; rel="next"} header, or null. */
    record Reply(int status, String body, String location, String next) {
        /** The "id" of a JSON object body. */
        long id() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject().getJsonNumber("id").longValueExact();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    static URI uri(String path) {
        return BlogServer.base().resolve(path);
    }

    static Reply get(String path) {
        return send(request(path).GET());
    }

    static Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST without a body, as for tagging a post. */
    static Reply post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply delete(String path) {
        return send(request(path).DELETE());
    }

    static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String next = response.headers().allValues("Link").stream().filter(link -> link.endsWith("rel=\"next\""))
                    .map(link -> link.substring(link.indexOf('<') + 1, link.indexOf('>'))).findFirst().orElse(null);
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null), next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
    }
}
