package org.servicehall.platform;

import org.servicehall.platform.eventstore.SequencedEventStorageEngine;
import org.servicehall.platform.mongo.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** One line, with its facts as key-values (rendered as fields by structured logging), once a side is ready. */
@AutoConfiguration
public class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        String name = context.getEnvironment().getProperty("spring.application.name", "hall");
        String url = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? "http://localhost:" + web.getWebServer().getPort() : "(no web server)";
        EmbeddedMongo embedded = context.getBeanProvider(EmbeddedMongo.class).getIfAvailable();
        String data = embedded != null ? "embedded, file " + embedded.file()
                : "MongoDB at " + context.getBean(MongoConnectionDetails.class).getConnectionString().getHosts();
        String database = context.getBeanProvider(MongoDatabaseFactory.class).getObject().getMongoDatabase().getName();
        long head = context.getBeanProvider(SequencedEventStorageEngine.class).getObject().headPosition();
        log.atInfo()
           .addKeyValue("side", name)
           .addKeyValue("url", url)
           .addKeyValue("data", data)
           .addKeyValue("database", database)
           .addKeyValue("eventStoreHead", head)
           .log("{} ready at {} (data: {}, database {}, event store head position {})", name, url, data, database,
                head);
    }
}
