// Which files count as tests, dev-only or app code, decided from the path alone.
import { describe, expect, it } from '@jest/globals'
import { classifyKind, classifyRole } from '../../src/engine/classify.js'

const role = (path: string): string => classifyRole(path, classifyKind(path))

describe('classifyRole: tests', () => {
  it.each([
    // runner setup and config
    'jest.setup.ts', 'jest.setup.js', 'src/setupTests.ts', 'jest.config.ts', 'vitest.config.mts', 'vitest.workspace.ts', 'cypress.config.ts',
    'playwright.config.ts', 'src/jest/globalSetup.ts', 'pytest.ini', 'tox.ini', 'noxfile.py', 'karma.conf.js',
    // storybook, snapshots, helpers
    'src/components/Button.stories.tsx', '.storybook/main.ts', 'src/__snapshots__/a.test.ts.snap', 'src/testing/factories.ts',
    'internal/testutil/db.go', 'src/test-utils.ts', 'src/test_utils/db.ts', 'internal/store/mock_store.go', 'internal/store/store_mock.go',
    // file names
    'src/a.test.mjs', 'src/b.spec.cts', 'src/c_test.ts', 'src/d.e2e-spec.ts', 'app/models/user_spec.rb', 'pkg/x_test.go', 'tests/test_app.py', 'shop/tests.py', 'test.js',
    'features/step_definitions/login_steps.rb', 'features/support/env.rb', 'features/login.feature',
    // JVM source sets and classes
    'src/integrationTest/java/com/acme/ApiIT.java', 'src/testFixtures/java/com/acme/Fixtures.java', 'src/it/java/com/acme/Flow.java',
    'src/jvmTest/kotlin/Foo.kt', 'src/main/java/com/acme/OrderServiceIT.java', 'src/main/java/com/acme/OrderServiceTest.java', 'OrderTests.kt',
    // test-only env and config
    '.env.test', '.env.ci', '.env.test.local', 'config/test.json', 'config/ci.json', 'src/main/resources/application-test.yml',
    'src/main/resources/application-ci.properties', 'config/environments/test.rb',
    'Dockerfile.test', 'docker/ci.Dockerfile', 'docker-compose.test.yml', 'compose.ci.yaml'
  ])('%s is a test file', (p) => {
    expect(role(p)).toBe('test')
  })

  it.each([
    'src/main/java/com/acme/Manifest.java', 'src/main/java/com/acme/Latest.java', 'src/main/java/com/acme/EDIT.java', 'src/main/java/com/acme/Audit.java',
    'src/main/java/com/acme/CustomerSpec.java', 'src/main/kotlin/com/acme/Contest.kt', 'src/latest/server.ts', 'src/it/strings.json',
    'src/server.ts', 'src/contest.ts', 'src/protester.py', 'config/production.json', 'config/default.json', '.env.production',
    'src/main/resources/application.yml', 'src/main/resources/application-prod.yml', 'config/environments/production.rb', 'internal/mockery/client.go',
    'setup.py', 'jest-plugin.ts', 'src/stories.ts', 'src/features/cart/cart.ts', 'shop/testimonials.py', 'src/contests.js', 'Dockerfile', 'Dockerfile.prod', 'docker-compose.prod.yml'
  ])('%s is not a test file', (p) => {
    expect(role(p)).not.toBe('test')
  })
})

describe('classifyRole: dev-only files', () => {
  it.each([
    'deploy/overlays/dev/deployment.yaml', 'k8s/overlays/local/kustomization.yaml', 'kind/cluster.yaml', 'kind-config.yaml', 'minikube/ingress.yaml',
    'tilt/values.yaml', 'Tiltfile', '.devcontainer/docker-compose.yml', 'config/application-dev.yml', '.env.development', 'docker-compose.yml'
  ])('%s is dev-only', (p) => {
    expect(role(p)).toBe('dev')
  })

  it.each(['deploy/overlays/prod/deployment.yaml', 'deploy/overlays/production/kustomization.yaml', 'deploy/base/deployment.yaml', 'k8s/kindness.yaml', 'docker-compose.prod.yml'])(
    '%s is app config',
    (p) => {
      expect(role(p)).toBe('app')
    }
  )
})

describe('classifyKind: ignore files named for their Dockerfile', () => {
  it.each([['Dockerfile.dockerignore', 'other'], ['api/Dockerfile_alerts.dockerignore', 'other'], ['api/Dockerfile.prod', 'dockerfile'], ['Dockerfile', 'dockerfile']])('%s is %s', (p, kind) => {
    expect(classifyKind(p)).toBe(kind)
  })
})
