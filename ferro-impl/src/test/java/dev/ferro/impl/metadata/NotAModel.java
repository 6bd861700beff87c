package dev.ferro.impl.metadata;

/** A class that looks like a model but lacks {@code @Model}. */
public class NotAModel {
    public Long id;
    public String name;
}
