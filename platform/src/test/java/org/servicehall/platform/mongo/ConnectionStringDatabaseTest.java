package org.servicehall.platform.mongo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionStringDatabaseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mongodb://localhost:27017                                  | mongodb://localhost:27017/hall",
            "mongodb://localhost:27017/                                 | mongodb://localhost:27017/hall",
            "mongodb://a:27017,b:27017/?replicaSet=rs0                  | mongodb://a:27017,b:27017/hall?replicaSet=rs0",
            "mongodb://user:p%2Fw@a:27017/other?authSource=admin        | mongodb://user:p%2Fw@a:27017/hall?authSource=admin",
            "mongodb+srv://user:pw@cluster.example.net/old?retryWrites=true | mongodb+srv://user:pw@cluster.example.net/hall?retryWrites=true"})
    void theDatabaseTakesThePlaceOfTheOneTheUriNamesAndTheOptionsStay(String uri, String expected) {
        assertThat(MongoConfiguration.withDatabase(uri, "hall")).isEqualTo(expected);
    }
}
