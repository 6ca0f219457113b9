package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secretStream holds Secrets whose data, some of it not even base64, carries marker strings,
// and a Connectors workload whose env holds markers under names the transform replaces. One
// Secret has the name of the ConfigMap the workload mounts and carries a basic-auth Spring
// file: were the transform to read Secrets, it would add the basic-auth overrides.
const secretStream = `---
# Source: camunda-platform/templates/common/secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: entra-credentials
type: Opaque
data:
  identity-client-secret: U0VDUkVULU1BUktFUi1iYXNlNjQ=
  optimize-client-secret: "%%% SECRET-MARKER-not-base64 %%%"
stringData:
  orchestration-cluster-client-secret: SECRET-MARKER-string-data
---
apiVersion: v1
kind: Secret
metadata:
  name: camunda-connectors-configuration
stringData:
  application.yaml: |
    camunda.client.auth.method: basic
    camunda.client.auth.password: SECRET-MARKER-spring-file
---
# Source: camunda-platform/templates/connectors/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: camunda-connectors
  labels:
    app.kubernetes.io/instance: camunda
    app.kubernetes.io/component: connectors
    helm.sh/chart: camunda-platform-13.12.7
spec:
  template:
    spec:
      containers:
        - name: connectors
          image: camunda/connectors-bundle:8.8.17
          env:
            - name: VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET
              value: SECRET-MARKER-env-literal
            - name: CAMUNDA_CLIENT_AUTH_CLIENTSECRET
              value: SECRET-MARKER-env-client-secret
          volumeMounts:
            - name: config
              mountPath: /config/application.yaml
              subPath: application.yaml
      volumes:
        - name: config
          configMap:
            name: camunda-connectors-configuration
`

const marker = "SECRET-MARKER"

// workloadSource begins the workload's document in secretStream.
const workloadSource = "# Source: camunda-platform/templates/connectors"

// TestSecretsNeverShown runs a stream with marked secrets with --report and --log-file and
// checks that no marker reaches stderr or the log, and that the Secrets pass through as they
// came, their bytes never parsed for meaning.
func TestSecretsNeverShown(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "post-render.log")
	stdout, stderr, code := runCommand(t, []byte(secretStream),
		"--config", "../../examples/entra.yaml", "--report", "--log-file", logFile)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkNoMarker(t, stderr, logFile)
	const replaced = "replaced VALUES_CAMUNDA_IDENTITY_CLIENT_SECRET=secretKeyRef"
	if log, _ := os.ReadFile(logFile); !strings.Contains(stderr, replaced) ||
		!bytes.Contains(log, []byte(replaced)) {
		t.Errorf("stderr and the log do not both show the report:\n%s", stderr)
	}

	secrets := secretStream[:strings.Index(secretStream, "---\n"+workloadSource)]
	if !strings.HasPrefix(stdout, secrets) {
		t.Errorf("the Secrets did not pass through byte for byte:\n%s", stdout)
	}
	wired := stdout[len(secrets):]
	if strings.Contains(wired, marker) {
		t.Errorf("a secret literal the transform replaced is still in the workload:\n%s", wired)
	}
	if strings.Contains(wired, "CAMUNDA_CLIENT_AUTH_METHOD") {
		t.Errorf("the transform read the Spring file of a Secret as if it were a ConfigMap")
	}
}

// TestSecretsNotInErrors makes runs fail inside and next to a Secret: no message repeats a
// marker, on stderr or in the log.
func TestSecretsNotInErrors(t *testing.T) {
	cases := map[string]string{
		"duplicate key in data": "kind: Secret\nmetadata: {name: s}\n" +
			"data:\n  k: SECRET-MARKER-a\n  k: SECRET-MARKER-b\n",
		"unclosed quote": "kind: Secret\nmetadata: {name: s}\nstringData:\n" +
			"  k: \"SECRET-MARKER-open\n  j: SECRET-MARKER-next\n",
		"tab in data": "kind: Secret\nmetadata: {name: s}\nstringData:\n\tk: SECRET-MARKER\n",
		"bad workload next to a secret": secretStream + "---\n" +
			secretStream[strings.Index(secretStream, workloadSource):],
	}
	for name, input := range cases {
		t.Run(name, func(t *testing.T) {
			logFile := filepath.Join(t.TempDir(), "post-render.log")
			stdout, stderr, code := runCommand(t, []byte(input),
				"--config", "../../examples/entra.yaml", "--report", "--log-file", logFile)
			if code != ExitInput || stdout != "" {
				t.Fatalf("exit %d with %d bytes of stdout, want exit 1 and none", code, len(stdout))
			}
			checkNoMarker(t, stderr, logFile)
		})
	}
}

// TestConfigSecretNotShown gives secret values in the places of a config a user might paste
// them: the error names the field, never the value.
func TestConfigSecretNotShown(t *testing.T) {
	example, err := os.ReadFile("../../examples/entra.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const (
		ref      = "    secret:\n      name: entra-credentials\n      key: optimize-client-secret"
		clientID = "clientId: cccccccc-3333-4333-8333-333333333333"
		entra    = "abc8Q~SECRET-MARKER_defghijklmnopqrstuvw" // the form of an Entra secret
	)
	edits := map[string][2]string{
		"value in the reference":        {ref, ref + "\n      value: SECRET-MARKER"},
		"secret as a string":            {ref, "    secret: SECRET-MARKER"},
		"secret as client id":           {clientID, "clientId: " + entra},
		"old-style secret as client id": {clientID, "clientId: SECRET-MARKER-aaaaaaaaaaaaaaaaaaaa"},
		"secret as the admin":           {"value: admin@example.com", "value: " + entra},
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			if !bytes.Contains(example, []byte(edit[0])) {
				t.Fatalf("edit does not apply to examples/entra.yaml")
			}
			path := filepath.Join(t.TempDir(), "entra.yaml")
			text := strings.Replace(string(example), edit[0], edit[1], 1)
			if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			logFile := filepath.Join(t.TempDir(), "post-render.log")
			_, stderr, code := runCommand(t, nil, "--config", path, "--log-file", logFile)
			if code != ExitConfig {
				t.Fatalf("exit %d, want 2: %s", code, stderr)
			}
			checkNoMarker(t, stderr, logFile)
		})
	}
}

// checkNoMarker fails when stderr or the log file holds a secret marker.
func checkNoMarker(t *testing.T, stderr, logFile string) {
	t.Helper()
	if strings.Contains(stderr, marker) {
		t.Errorf("stderr shows a secret value:\n%s", stderr)
	}
	log, err := os.ReadFile(logFile)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if bytes.Contains(log, []byte(marker)) {
		t.Errorf("the log file shows a secret value:\n%s", log)
	}
}
