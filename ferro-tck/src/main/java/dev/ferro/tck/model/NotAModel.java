package dev.ferro.tck.model;

/** A class shaped like a model but without {@code @Model}: no {@code Query<NotAModel>} exists. */
public class NotAModel {
    public Long id;
    public String name;
}
