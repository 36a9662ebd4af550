package org.servicehall.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.servicehall.platform.HallProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The one way both sides reach MongoDB: Spring Boot's client, {@code MongoTemplate} and everything built on them use
 * the connection details published here, pointing at {@code MONGODB_URI} or, without it, at the embedded server.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@EnableConfigurationProperties(HallProperties.class)
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${hall.mongodb.uri:}'.isBlank()")
    EmbeddedMongo embeddedMongo(HallProperties properties) {
        EmbeddedMongo mongo = EmbeddedMongo.start(properties.dataDir(), properties.mongodb().embeddedPort());
        log.atInfo()
           .addKeyValue("mongo", "embedded")
           .addKeyValue("dataFile", mongo.file())
           .addKeyValue("address", mongo.address())
           .log("No MONGODB_URI: using the embedded MongoDB-compatible server, data in {}", mongo.file());
        return mongo;
    }

    @Bean
    MongoConnectionDetails mongoConnectionDetails(HallProperties properties,
                                                  ObjectProvider<EmbeddedMongo> embedded) {
        HallProperties.Mongodb mongodb = properties.mongodb();
        ConnectionString connectionString;
        if (mongodb.embedded()) {
            connectionString = new ConnectionString(embedded.getObject().connectionString(mongodb.database()));
        } else {
            connectionString = withDatabase(new ConnectionString(mongodb.uri()), mongodb.database());
            log.atInfo()
               .addKeyValue("mongo", "external")
               .addKeyValue("hosts", connectionString.getHosts())
               .addKeyValue("database", connectionString.getDatabase())
               .log("Using MongoDB at {} (hall.mongodb.uri, or MONGODB_URI), database {}", connectionString.getHosts(),
                    connectionString.getDatabase());
        }
        return () -> connectionString;
    }

    /** Reachability of the database, by {@code ping}: answered by MongoDB and the embedded server alike. */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabaseFactory mongo, ObjectProvider<EmbeddedMongo> embedded) {
        return () -> {
            MongoDatabase database = mongo.getMongoDatabase();
            database.runCommand(new Document("ping", 1));
            Health.Builder health = Health.up().withDetail("database", database.getName());
            embedded.ifAvailable(server -> health.withDetail("embedded", server.file().toString()));
            return health.build();
        };
    }

    private static ConnectionString withDatabase(ConnectionString connectionString, String database) {
        return connectionString.getDatabase() != null ? connectionString
                : new ConnectionString(withDatabase(connectionString.getConnectionString(), database));
    }

    /** {@code uri} with {@code database} in place of the database it names, if any (options kept). */
    public static String withDatabase(String uri, String database) {
        int query = uri.indexOf('?');
        String hosts = query < 0 ? uri : uri.substring(0, query);
        String options = query < 0 ? "" : uri.substring(query);
        int slash = hosts.indexOf('/', hosts.indexOf("://") + "://".length());
        return (slash < 0 ? hosts : hosts.substring(0, slash)) + "/" + database + options;
    }
}
