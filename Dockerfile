# Cartage container image: build with the Maven wrapper, split the Spring Boot
# jar into layers, run the exploded layers on a JRE as a non-root user.
#
#   docker build -t cartage:dev .
#   docker run --rm -p 8080:8080 cartage:dev
#
# Base images are build arguments so a registry mirror or a pinned digest can be
# used without editing this file, e.g.
#   docker build --build-arg RUN_IMAGE=eclipse-temurin:17-jre@sha256:... .

ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUN_IMAGE=eclipse-temurin:17-jre

# ---------------------------------------------------------------------------
# Stage 1: compile and package with the Maven wrapper.
# ---------------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS build
WORKDIR /workspace

# The wrapper and the POM change rarely: resolving dependencies in their own
# layer lets a source-only change reuse the downloaded ~/.m2 from the cache.
# (mvnw needs only a JDK: without wget/curl/unzip it downloads Maven with a
# small Java program and unpacks the .tar.gz with tar.)
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw \
 && ./mvnw -B -ntp dependency:go-offline

COPY src/ src/
RUN ./mvnw -B -ntp -DskipTests package

# ---------------------------------------------------------------------------
# Stage 2: split the executable jar into its layers (Boot 3.3+ "tools" jarmode).
# --launcher keeps the classic layout (BOOT-INF/, org/springframework/boot/loader/)
# so the JarLauncher below can start it; --layers writes one directory per layer
# (dependencies, spring-boot-loader, snapshot-dependencies, application), each
# created even when empty.
# ---------------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS extract
WORKDIR /workspace
# Exactly one repackaged jar is expected (the plain jar is kept as *.jar.original).
COPY --from=build /workspace/target/cartage-*.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted \
 && test -f extracted/spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class \
 && test -d extracted/application/BOOT-INF/classes

# ---------------------------------------------------------------------------
# Stage 3: runtime. Layers go from least to most often changed.
# Files stay owned by root and read-only for the app user; the app writes only
# to /tmp (mount an emptyDir there when the root filesystem is read-only) and,
# with the default embedded run store, to /data (mount a volume to keep runs).
# ---------------------------------------------------------------------------
FROM ${RUN_IMAGE}
WORKDIR /application

COPY --from=extract /workspace/extracted/dependencies/ ./
COPY --from=extract /workspace/extracted/spring-boot-loader/ ./
COPY --from=extract /workspace/extracted/snapshot-dependencies/ ./
COPY --from=extract /workspace/extracted/application/ ./

# No -Xmx: the heap follows the container's memory limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

# The default run store (H2) lives in /data, owned by the app user; with
# PostgreSQL (SPRING_R2DBC_URL) it is not used.
RUN mkdir /data && chown 10001:10001 /data
ENV CARTAGE_DATA_DIR=/data
VOLUME /data

# Numeric, so Kubernetes' runAsNonRoot can verify it without /etc/passwd.
USER 10001:10001

EXPOSE 8080

# No HEALTHCHECK: the JRE image has no curl/wget, and Kubernetes uses its own
# probes (/actuator/health/liveness and /readiness, see deploy/kubernetes).
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
