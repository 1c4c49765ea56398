import type en from '../en/grading';

const zh: Record<keyof typeof en, string> = {
};
export default zh;
