// Package secrets lists the Kubernetes Secrets an Entra configuration refers to, and writes
// them as `kubectl create secret` commands and as Secret manifests whose values are left for
// the user to fill in. The configuration holds no secret values, so neither does the output:
// each value is a placeholder that names the Entra app whose client secret belongs there.
//
// From this configuration:
//
//	clients:
//	  identity:
//	    clientId: aaaaaaaa-1111-4111-8111-111111111111
//	    secret: {name: entra-credentials, key: identity-client-secret}
//
// Commands writes the command below, where the placeholder reads "<fill in: client secret of
// Entra app aaaaaaaa-1111-4111-8111-111111111111 (Management Identity)>":
//
//	kubectl create secret generic entra-credentials \
//	  --from-literal=identity-client-secret='<fill in: ...>'
package secrets

import (
	"fmt"
	"strings"

	"github.com/camunda-entra/camunda-entra/config"
)

// Secret is one Kubernetes Secret that the configuration refers to.
type Secret struct {
	Name string
	Keys []Key
}

// Key is one key of a Secret and the apps whose client secret the configuration expects there.
type Key struct {
	Name  string
	Users []User
}

// User is a component that reads its client secret from a key.
type User struct {
	Component string // as the README names it, for example "Management Identity"
	ClientID  string
}

// FromConfig groups the secret references of cfg by Secret, Secrets and keys in the order
// the components come in the file. Connectors that use the Orchestration app's secret are
// listed as a second user of its key.
func FromConfig(cfg *config.Config) []Secret {
	cl := cfg.Clients
	refs := []struct {
		component string
		client    *config.Confidential
	}{
		{"Management Identity", cl.Identity},
		{"Orchestration Cluster", cl.Orchestration},
		{"Connectors", cfg.Connectors()},
		{"Optimize", cl.Optimize},
	}
	var out []Secret
	for _, r := range refs {
		if r.client == nil || r.client.Secret == nil {
			continue
		}
		user := User{Component: r.component, ClientID: r.client.ClientID}
		out = addUser(out, *r.client.Secret, user)
	}
	return out
}

// addUser records that user reads the key ref points to.
func addUser(secrets []Secret, ref config.SecretRef, user User) []Secret {
	i := indexOf(secrets, ref.Name)
	if i < 0 {
		secrets = append(secrets, Secret{Name: ref.Name})
		i = len(secrets) - 1
	}
	s := &secrets[i]
	for j := range s.Keys {
		if s.Keys[j].Name == ref.Key {
			s.Keys[j].Users = append(s.Keys[j].Users, user)
			return secrets
		}
	}
	s.Keys = append(s.Keys, Key{Name: ref.Key, Users: []User{user}})
	return secrets
}

func indexOf(secrets []Secret, name string) int {
	for i, s := range secrets {
		if s.Name == name {
			return i
		}
	}
	return -1
}

// Apps returns the distinct client ids whose secret the key is to hold. More than one is a
// mistake of the configuration: one key holds one value, and every Entra app has its own.
func (k Key) Apps() []string {
	var ids []string
	for _, u := range k.Users {
		if !contains(ids, u.ClientID) {
			ids = append(ids, u.ClientID)
		}
	}
	return ids
}

// Placeholder is the text that stands for the key's value until the user fills it in.
func (k Key) Placeholder() string {
	var apps []string
	for _, id := range k.Apps() {
		var components []string
		for _, u := range k.Users {
			if u.ClientID == id {
				components = append(components, u.Component)
			}
		}
		apps = append(apps, fmt.Sprintf("%s (%s)", id, strings.Join(components, ", ")))
	}
	return "<fill in: client secret of Entra app " + strings.Join(apps, " and app ") + ">"
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
