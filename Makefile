# The version lives in one place, plugin.yaml; everything else reads it from there.
VERSION := $(shell sed -n 's/^version: *"\{0,1\}\([^"]*\)"\{0,1\} *$$/\1/p' plugin.yaml)
LDFLAGS := -s -w -X main.version=$(VERSION)
BIN     := bin/camunda-entra

.PHONY: build test example tools helm4-plugin bench bench-compare clean

build: $(BIN)

$(BIN): $(shell find . -name '*.go' -not -path './bench/*') go.mod go.sum plugin.yaml
	go build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) .

# Runs the tool on the shipped example: the Camunda 8.8 render with auth on, wired to Entra.
example: build
	$(BIN) --config examples/entra.yaml --report \
		< testdata/fixtures/camunda-8.8/baseline-oidc-minimal.yaml > bin/example-output.yaml
	@echo "wired manifests: bin/example-output.yaml"

# Builds the pinned Helm 3, Helm 4 and kustomize binaries (cached) and runs every test,
# the end-to-end ones included.
test: build
	eval "$$(scripts/tools.sh)" && export HELM3 HELM4 KUSTOMIZE && \
		CAMUNDA_ENTRA_E2E=require go test ./...

tools:
	scripts/tools.sh

# A Helm 4 post-renderer plugin archive with the binary inside, for `helm plugin install`.
helm4-plugin: build
	rm -rf dist/camunda-entra-postrenderer && mkdir -p dist/camunda-entra-postrenderer/bin
	cp helm4/camunda-entra-postrenderer/plugin.yaml helm4/camunda-entra-postrenderer/install.sh \
		dist/camunda-entra-postrenderer/
	cp $(BIN) dist/camunda-entra-postrenderer/bin/
	cd dist && eval "$$(../scripts/tools.sh)" && \
		$$HELM4 plugin package camunda-entra-postrenderer --sign=false -d .

# Go benchmarks on the 8.8 render and on generated 1, 10 and 100 MiB streams.
bench:
	go test -run '^$$' -bench . -benchmem -timeout 60m ./bench

# Whole processes side by side (cat, the kyaml floor, camunda-entra, kustomize, yq) with
# hyperfine; installs pinned hyperfine, time and yq from Debian when missing.
bench-compare: build
	bench/compare.sh

clean:
	rm -rf bin dist
