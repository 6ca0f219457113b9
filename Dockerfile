# The KRM function as a container, for kustomize's `container:` functions and kpt:
#   docker build -t camunda-entra:0.1.0 .
# It reads a ResourceList on stdin and runs as an unprivileged user with no network.
FROM golang:1.26.8-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN version=$(sed -n 's/^version: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' plugin.yaml) && \
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=$version" \
      -o /out/camunda-entra .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/camunda-entra /camunda-entra
USER 65532:65532
ENTRYPOINT ["/camunda-entra", "fn"]
