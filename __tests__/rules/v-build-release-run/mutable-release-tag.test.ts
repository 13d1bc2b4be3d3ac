import { describe } from '@jest/globals'
import { mutableReleaseTag } from '../../../src/rules/v-build-release-run/mutable-release-tag.js'
import { ruleTable } from '../../helpers/rule-tester.js'

const deployment = (image: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n`

describe('TF0503 mutable-release-tag', () => {
  ruleTable(mutableReleaseTag, {
    valid: [
      { name: 'version tag', path: 'k8s/deployment.yaml', code: deployment('ghcr.io/acme/web:1.4.2') },
      { name: 'digest even with latest', path: 'k8s/deployment.yaml', code: deployment('ghcr.io/acme/web:latest@sha256:0123456789abcdef') },
      { name: 'templated tag', path: 'k8s/deployment.yaml', code: deployment('ghcr.io/acme/web:${IMAGE_TAG}') },
      { name: 'third-party sidecar image on latest (TF0203 covers it)', path: 'k8s/deployment.yaml', code: deployment('redis:latest') },
      { name: 'third-party vendor image on stable', path: 'k8s/deployment.yaml', code: deployment('nginx:stable') },
      { name: 'production compose with an official image', path: 'docker-compose.prod.yml', code: 'services:\n  cache:\n    image: redis:latest\n' },
      { name: 'dev overlay', path: 'k8s/overlays/dev/deployment.yaml', code: deployment('ghcr.io/acme/web:latest') },
      { name: 'helm template', path: 'charts/web/templates/deployment.yaml', code: deployment('"{{ .Values.image }}:latest"') },
      { name: 'dev compose', path: 'docker-compose.yml', code: 'services:\n  web:\n    image: acme/web:latest\n' },
      { name: 'latest pushed beside the sha', path: '.github/workflows/release.yml', code: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker build -t ghcr.io/acme/web:${{ github.sha }} -t ghcr.io/acme/web:latest .\n          docker push --all-tags ghcr.io/acme/web\n' },
      { name: 'CI build that never pushes', path: '.github/workflows/ci.yml', code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t acme/web:latest .\n' },
      { name: 'git push HEAD:main is not an image', path: '.github/workflows/bump.yml', code: 'on: push\njobs:\n  bump:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git push origin HEAD:main\n' },
      { name: 'job service container in CI', path: '.github/workflows/ci.yml', code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres:latest\n    steps:\n      - run: npm test\n' },
      { name: 'build-push with metadata-action tags', path: '.github/workflows/docker.yml', code: 'on: push\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - id: meta\n        uses: docker/metadata-action@v5\n        with:\n          images: ghcr.io/acme/web\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ${{ steps.meta.outputs.tags }}\n' },
      { name: 'commented-out deploy', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      # - run: kubectl set image deployment/web web=acme/web:latest\n      - run: kubectl set image deployment/web web=acme/web:${{ github.sha }}\n' }
    ],
    invalid: [
      { name: 'k8s latest', path: 'k8s/deployment.yaml', code: deployment('ghcr.io/acme/web:latest'), errors: [{ line: 10, column: 18, message: /image "ghcr\.io\/acme\/web:latest": ":latest"/ }] },
      { name: 'k8s branch tag', path: 'deploy/web.yaml', code: deployment('registry.local:5000/web:main'), errors: [{ line: 10, message: /":main"/ }] },
      { name: 'production compose with the app image on main', path: 'docker-compose.prod.yml', code: 'services:\n  web:\n    image: ghcr.io/acme/web:main\n', errors: [{ line: 3 }] },
      { name: 'kustomization newTag', path: 'k8s/kustomization.yaml', code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: web\n    newTag: latest\n', errors: [{ line: 5, message: /newTag "latest"/ }] },
      { name: 'production compose', path: 'docker-compose.prod.yml', code: 'services:\n  web:\n    image: acme/web:master\n', errors: [{ line: 3, column: 12, message: /":master"/ }] },
      { name: 'kubectl set image latest', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push acme/web:${{ github.sha }}\n      - run: kubectl set image deployment/web web=acme/web:latest\n', errors: [{ line: 7, message: /deploys "web=acme\/web:latest"|deploys "acme\/web:latest"/ }] },
      { name: 'only latest pushed', path: '.github/workflows/publish.yml', code: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker build -t ghcr.io/acme/web:latest .\n          docker push ghcr.io/acme/web:latest\n', errors: [{ line: 8, message: /pushes "ghcr\.io\/acme\/web:latest"/ }] },
      { name: 'build-push-action latest only', path: '.github/workflows/docker.yml', code: 'on: push\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: |\n            ghcr.io/acme/web:latest\n', errors: [{ line: 10, message: /pushes "ghcr\.io\/acme\/web:latest"/ }] },
      { name: 'ssh deploy pulls latest', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh deploy@host "docker pull acme/web:latest && docker compose up -d"\n', errors: [{ line: 7 }] },
      { name: 'expression in the repository part', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v5\n        with:\n          push: true\n          tags: ghcr.io/${{ github.repository }}:latest\n      - run: gcloud run deploy api --image ghcr.io/${{ github.repository }}:latest --region europe-west1\n', errors: [{ line: 9, message: /pushes "ghcr\.io\/\$\{\{ github\.repository \}\}:latest"/ }, { line: 10, column: 44, message: /deploys "ghcr\.io\/\$\{\{ github\.repository \}\}:latest"/ }] },
      { name: 'cloud run action image input', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/deploy-cloudrun@v2\n        with:\n          service: web\n          image: gcr.io/acme/web:latest\n', errors: [{ line: 9, message: /deploy-cloudrun deploys "gcr\.io\/acme\/web:latest"/ }] }
    ]
  })
})
