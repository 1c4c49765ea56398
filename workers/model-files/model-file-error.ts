import type { FileProblem } from './file-checks';

/**
 * A model file that must not be used or kept. The name survives the trip to the page
 * (src/lib/engine/errors.ts maps it); the message is already the plain explanation, naming the
 * file and the host, because only the worker knows them.
 */
export class ModelFileInvalidError extends Error {
  override name = 'ModelFileInvalidError';
}
/** A weight shard whose size or checksum does not match tensor-cache.json. */
export class ModelFileDamagedError extends Error {
  override name = 'ModelFileDamagedError';
}

const START_OVER = ' It was not kept: Try again downloads it afresh.';

export function modelFileError(url: string, problem: FileProblem): ModelFileInvalidError | ModelFileDamagedError {
  const error = describe(url, problem);
  error.message += START_OVER;
  return error;
}

function describe(url: string, problem: FileProblem): ModelFileInvalidError | ModelFileDamagedError {
  const { file, host } = fileAndHost(url);
  switch (problem.kind) {
    case 'html-page':
      return new ModelFileInvalidError(
        `The network answered with a web page instead of the model file ${file} from ${host}. A school or office network filter, a Wi-Fi sign-in page or a wrong address does this: sign in to the network or ask for ${host} to be allowed.`,
      );
    case 'not-json':
      return new ModelFileInvalidError(`${file} from ${host} is unreadable: ${problem.detail}. The download was cut or the address does not point at an MLC model folder.`);
    case 'bad-field':
      return new ModelFileInvalidError(`${file} from ${host} cannot be used: ${problem.detail}. The model folder is broken or is not an MLC model.`);
    case 'wrong-size':
    case 'wrong-hash':
      return new ModelFileDamagedError(`${file} from ${host} arrived damaged: ${problem.detail}.`);
  }
}

function fileAndHost(url: string): { file: string; host: string } {
  try {
    const parsed = new URL(url);
    return { file: decodeURIComponent(parsed.pathname.split('/').pop() || parsed.pathname), host: parsed.host };
  } catch {
    return { file: url, host: 'the model host' };
  }
}
