package org.servicehall.platform.personaldata;

import com.github.benmanes.caffeine.cache.Ticker;
import org.servicehall.platform.HallProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.time.Clock;

/** The {@link PersonalDataVault} both sides share: the storage serializer seals with it, the read API opens. */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@EnableConfigurationProperties({HallProperties.class, PersonalDataProperties.class})
public class PersonalDataConfiguration {

    @Bean
    PersonalDataVault personalDataVault(MongoDatabaseFactory mongo, HallProperties hall,
                                        PersonalDataProperties properties) {
        CustomerKeys keys = new CustomerKeys(mongo.getMongoDatabase(), MasterKey.resolve(properties.masterKey(), hall),
                                             properties.keyCacheTtl(), Ticker.systemTicker(), Clock.systemUTC());
        keys.verifyMasterKey();
        return new PersonalDataVault(keys);
    }
}
