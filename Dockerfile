# One image per side, built from this repository: docker build --build-arg SIDE=command-side .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG SIDE
WORKDIR /app
COPY --from=build /src/${SIDE}/target/${SIDE}-*-exec.jar app.jar
# Outside a container the sides listen on loopback only; in one, the port is reached through the container's network.
ENV HALL_BIND_ADDRESS=0.0.0.0
# Graceful shutdown: Spring stops taking requests, lets processors finish their batch, then exits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
