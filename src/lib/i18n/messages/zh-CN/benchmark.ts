import type en from '../en/benchmark';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
