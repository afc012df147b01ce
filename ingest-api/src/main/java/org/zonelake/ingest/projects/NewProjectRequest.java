package org.zonelake.ingest.projects;

/** Body of {@code POST /api/v1/projects}. */
public record NewProjectRequest(String name, String description) {}
