package org.servicehall.platform.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The settings of personal-data protection, under {@code hall.personal-data.*}.
 *
 * @param masterKey   wraps every customer's data key: 32 random bytes in base64 (env
 *                    {@code HALL_PERSONAL_DATA_MASTER_KEY}); required with {@code MONGODB_URI}, see {@link MasterKey}
 * @param keyCacheTtl how long an instance may go on using a customer's key it looked up, and so how long an erasure
 *                    takes to reach every instance
 */
@ConfigurationProperties("hall.personal-data")
public record PersonalDataProperties(String masterKey, @DefaultValue("30s") Duration keyCacheTtl) {
}
