package org.zonelake.metadata;

import java.util.List;
import org.bson.Document;
import org.zonelake.core.process.Route;

/** A project's routing table as stored in the {@code routes} collection: one document per project, {@code _id} = project. */
final class RouteCodec {
    static final String ID = "_id";
    static final String ROUTES = "routes";
    static final String CONTENT_TYPE = "content_type";
    static final String TEMPLATE = "template";
    static final String PIPELINE = "pipeline";

    private RouteCodec() {}

    static Document toBson(String project, List<Route> routes) {
        return new Document(ID, project).append(ROUTES, routes.stream().map(RouteCodec::route).toList());
    }

    static List<Route> fromBson(Document document) {
        return document.getList(ROUTES, Document.class, List.of()).stream().map(RouteCodec::route).toList();
    }

    private static Document route(Route route) {
        return new Document(CONTENT_TYPE, route.contentType()).append(TEMPLATE, route.template()).append(PIPELINE, route.pipeline());
    }

    private static Route route(Document document) {
        return new Route(document.getString(CONTENT_TYPE), document.getString(TEMPLATE), document.getString(PIPELINE));
    }
}
