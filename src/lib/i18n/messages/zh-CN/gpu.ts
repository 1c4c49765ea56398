import type en from '../en/gpu';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
