package oracle_test

import (
	"fmt"
	"os"

	"github.com/camunda-entra/camunda-entra/internal/oracle"
)

const configMap = `
apiVersion: v1
kind: ConfigMap
metadata: {name: app}
data:
  application.yaml: |
    camunda.identity.type: %s
---
`

const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: app}
spec:
  template:
    spec:
      volumes: [{name: config, configMap: {name: app}}]
      containers:
        - name: main
          volumeMounts: [{name: config, mountPath: /config}]
          env: [%s]
`

func mustLoad(stream string) *oracle.Render {
	r, err := oracle.Load([]byte(stream))
	if err != nil {
		panic(err)
	}
	return r
}

func ExampleScore() {
	target := mustLoad(fmt.Sprintf(configMap, "MICROSOFT") + fmt.Sprintf(deployment, ""))
	before := mustLoad(fmt.Sprintf(configMap, "KEYCLOAK") + fmt.Sprintf(deployment, ""))
	after := mustLoad(fmt.Sprintf(configMap, "KEYCLOAK") +
		fmt.Sprintf(deployment, "{name: CAMUNDA_IDENTITY_TYPE, value: MICROSOFT}"))

	rep := oracle.Score(target, before, after)
	row := rep.Result("Deployment/app:main").Delta[0]
	fmt.Println(row.Key, row.Status)
	fmt.Println(rep.Summary)
	// Output:
	// camunda.identity.type reproduced
	// oracle: 1/1 reproduced (100.0%), residual 0, extra 0, secret-leaks 0
}

func ExampleSettings_Value() {
	r := mustLoad(fmt.Sprintf(configMap, "KEYCLOAK") + fmt.Sprintf(deployment,
		"{name: CAMUNDA_IDENTITY_TYPE, valueFrom: {secretKeyRef: {name: entra, key: type}}}"))
	s := r.Effective()["Deployment/app:main"]
	v, _ := s.Value("camunda.identity.type")
	fmt.Println(v, "from", s.Origin("camunda.identity.type"))
	// Output: secretKeyRef:entra/type from env:CAMUNDA_IDENTITY_TYPE
}

func ExampleReport_Write() {
	target := mustLoad(fmt.Sprintf(configMap, "MICROSOFT") + fmt.Sprintf(deployment, ""))
	before := mustLoad(fmt.Sprintf(configMap, "KEYCLOAK") + fmt.Sprintf(deployment, ""))
	_ = oracle.Score(target, before, before).Write(os.Stdout, false)
	// Output:
	// container                                                         |D|  rep miss  unv resid extra  coll  leak
	// Deployment/app:main                                                 1    0    1    0     0     0     0     0
	//
	// Deployment/app:main
	//   missing      camunda.identity.type  E="MICROSOFT"  P="KEYCLOAK"
	//
	// unverifiable 0 (addressed by env 0), collateral 0, residual total 0, delta total 1
	// oracle: 0/1 reproduced (0.0%), residual 0, extra 0, secret-leaks 0
}
