import { describe } from '@jest/globals'
import { mutableReleaseTag } from '../../../src/rules/v-build-release-run/mutable-release-tag.js'
import { ruleTable } from '../../helpers/rule-tester.js'

// Manifests (Kubernetes, compose, Swarm, Dockerrun) are judged at repository level: mutable-release-tag-manifests.test.ts.
describe('TF0503 mutable-release-tag', () => {
  ruleTable(mutableReleaseTag, {
    valid: [
      { name: 'kubectl apply of a manifest pinned to a release tag', path: 'scripts/install.sh', code: '#!/bin/bash\nkubectl apply -f https://github.com/acme/app/raw/v1.4.2/manifests/db.yaml -n db\n' },
      { name: 'kubectl apply of a local manifest', path: 'scripts/install.sh', code: '#!/bin/bash\nkubectl apply -f manifests/db.yaml\n' },
      { name: 'kubectl apply from main in a dev script', path: 'scripts/dev-setup.sh', code: '#!/bin/bash\nkubectl apply -f https://raw.githubusercontent.com/acme/app/main/k8s/db.yaml\n' },
      { name: 'latest pushed beside the sha', path: '.github/workflows/release.yml', code: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker build -t ghcr.io/acme/web:${{ github.sha }} -t ghcr.io/acme/web:latest .\n          docker push --all-tags ghcr.io/acme/web\n' },
      { name: 'CI build that never pushes', path: '.github/workflows/ci.yml', code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t acme/web:latest .\n' },
      { name: 'git push HEAD:main is not an image', path: '.github/workflows/bump.yml', code: 'on: push\njobs:\n  bump:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git push origin HEAD:main\n' },
      { name: 'job service container in CI', path: '.github/workflows/ci.yml', code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres:latest\n    steps:\n      - run: npm test\n' },
      { name: 'build-push with metadata-action tags', path: '.github/workflows/docker.yml', code: 'on: push\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - id: meta\n        uses: docker/metadata-action@v5\n        with:\n          images: ghcr.io/acme/web\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ${{ steps.meta.outputs.tags }}\n' },
      { name: 'commented-out deploy', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      # - run: kubectl set image deployment/web web=acme/web:latest\n      - run: kubectl set image deployment/web web=acme/web:${{ github.sha }}\n' }
    ],
    invalid: [
      { name: 'installer (no extension) applies a manifest from the main branch', path: 'scripts/helm/app-cli', code: '#!/bin/bash\ninstall_db() {\n    kubectl apply -f https://github.com/acme/app/raw/refs/heads/main/manifests/db.yaml -n db\n}\n', errors: [{ line: 3, column: 5, message: /applies a manifest fetched from the moving branch `main`/ }] },
      { name: 'workflow applies the latest release download', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -f https://github.com/acme/operator/releases/latest/download/operator.yaml\n', errors: [{ line: 6, message: /the latest release download/ }] },
      { name: 'kustomization newTag', path: 'k8s/kustomization.yaml', code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: web\n    newTag: latest\n', errors: [{ line: 5, message: /newTag "latest"/ }] },
      { name: 'kubectl set image latest', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker push acme/web:${{ github.sha }}\n      - run: kubectl set image deployment/web web=acme/web:latest\n', errors: [{ line: 7, message: /deploys "web=acme\/web:latest"|deploys "acme\/web:latest"/ }] },
      { name: 'only latest pushed', path: '.github/workflows/publish.yml', code: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker build -t ghcr.io/acme/web:latest .\n          docker push ghcr.io/acme/web:latest\n', errors: [{ line: 8, message: /pushes "ghcr\.io\/acme\/web:latest"/ }] },
      { name: 'build-push-action latest only', path: '.github/workflows/docker.yml', code: 'on: push\njobs:\n  docker:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: |\n            ghcr.io/acme/web:latest\n', errors: [{ line: 10, message: /pushes "ghcr\.io\/acme\/web:latest"/ }] },
      { name: 'ssh deploy pulls latest', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    environment: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh deploy@host "docker pull acme/web:latest && docker compose up -d"\n', errors: [{ line: 7 }] },
      { name: 'expression in the repository part', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v5\n        with:\n          push: true\n          tags: ghcr.io/${{ github.repository }}:latest\n      - run: gcloud run deploy api --image ghcr.io/${{ github.repository }}:latest --region europe-west1\n', errors: [{ line: 9, message: /pushes "ghcr\.io\/\$\{\{ github\.repository \}\}:latest"/ }, { line: 10, column: 44, message: /deploys "ghcr\.io\/\$\{\{ github\.repository \}\}:latest"/ }] },
      { name: 'cloud run action image input', path: '.github/workflows/deploy.yml', code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/deploy-cloudrun@v2\n        with:\n          service: web\n          image: gcr.io/acme/web:latest\n', errors: [{ line: 9, message: /deploy-cloudrun deploys "gcr\.io\/acme\/web:latest"/ }] }
    ]
  })
})
