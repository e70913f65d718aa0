package dev.leash.gateway.events;

/** One event of the live stream: its id, its type ({@code decision}, {@code order}, ...) and its JSON data. */
public record LiveEvent(long id, String type, String data) {
}
