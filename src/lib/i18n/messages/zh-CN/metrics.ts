import type en from '../en/metrics';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
