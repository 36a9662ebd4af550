package org.servicehall.query.erasure;

import org.servicehall.platform.personaldata.ErasureOutcome;
import org.servicehall.platform.personaldata.PersonalDataVault;
import org.servicehall.platform.web.NotFound;
import org.servicehall.platform.signin.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.UUID;

/**
 * Erases a customer's personal data by deleting their key (crypto-shredding): events, views and views rebuilt later
 * all read it as erased, with nothing to scrub. Every request is recorded with who asked, when, why and what it did.
 */
@Service
class Erasures {

    private final PersonalDataVault vault;
    private final MongoTemplate mongo;

    Erasures(PersonalDataVault vault, MongoTemplate mongo) {
        this.vault = vault;
        this.mongo = mongo;
    }

    /** Erasing twice is fine (the second changes nothing); a customer with no personal data stored is not found. */
    Erasure erase(String customerId, String reason) {
        Caller caller = Caller.current();
        ErasureOutcome outcome = vault.erase(customerId);
        Erasure erasure = mongo.insert(new Erasure(UUID.randomUUID().toString(), customerId, caller.name(),
                                                   caller.roles(), Instant.now(), reason, outcome));
        if (outcome == ErasureOutcome.UNKNOWN_CUSTOMER) {
            throw new NotFound("Personal data of customer", customerId);
        }
        return erasure;
    }
}
