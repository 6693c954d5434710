/**
 * A handwritten signature on a 2D canvas. Strokes are plain data, [[{x, y}, …], …] in canvas
 * pixels, sent with `change` after each stroke (and [] after 重写); the drawn picture follows as
 * `image` ({ tempFilePath, count }: the number of strokes it shows), made with wx.canvasToTempFilePath.
 */
var INK = '#191919';

function pointOf(e, rect) {
  var t = (e.touches && e.touches[0]) || (e.changedTouches && e.changedTouches[0]);
  if (!t) return null;
  var x = typeof t.x === 'number' ? t.x : t.clientX - rect.left;
  var y = typeof t.y === 'number' ? t.y : t.clientY - rect.top;
  return { x: Math.round(x), y: Math.round(y) };
}

Component({
  properties: {
    hint: { type: String, value: '' },
    redo: { type: String, value: '' },
  },
  data: { empty: true },
  lifetimes: {
    created: function () {
      this.strokes = [];
      this.drawing = false;
      this.canvas = null;
      this.ctx = null;
      this.rect = { left: 0, top: 0 };
    },
    ready: function () {
      var self = this;
      this.createSelectorQuery()
        .select('#pad')
        .fields({ node: true, size: true, rect: true })
        .exec(function (res) {
          var info = res && res[0];
          if (!info) return;
          self.rect = { left: info.left || 0, top: info.top || 0 };
          if (info.node) self.attachCanvas(info.node, info.width, info.height);
        });
    },
  },
  methods: {
    /** The canvas WeChat hands over, sized for the screen's pixel ratio. */
    attachCanvas: function (canvas, width, height) {
      var ratio = (wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync()).pixelRatio || 1;
      canvas.width = width * ratio;
      canvas.height = height * ratio;
      var ctx = canvas.getContext('2d');
      ctx.scale(ratio, ratio);
      ctx.lineWidth = 4;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = INK;
      this.canvas = canvas;
      this.ctx = ctx;
    },
    onStart: function (e) {
      var p = pointOf(e, this.rect);
      if (!p) return;
      this.drawing = true;
      this.strokes.push([p]);
      if (this.data.empty) this.setData({ empty: false });
      if (this.ctx) {
        this.ctx.beginPath();
        this.ctx.moveTo(p.x, p.y);
        this.ctx.lineTo(p.x + 0.1, p.y + 0.1);
        this.ctx.stroke();
      }
    },
    onMove: function (e) {
      if (!this.drawing) return;
      var p = pointOf(e, this.rect);
      var stroke = this.strokes[this.strokes.length - 1];
      if (!p || !stroke) return;
      var last = stroke[stroke.length - 1];
      stroke.push(p);
      if (this.ctx) {
        this.ctx.beginPath();
        this.ctx.moveTo(last.x, last.y);
        this.ctx.lineTo(p.x, p.y);
        this.ctx.stroke();
      }
    },
    onEnd: function () {
      if (!this.drawing) return;
      this.drawing = false;
      this.triggerEvent('change', { strokes: this.copy() });
      this.exportImage();
    },
    clear: function () {
      this.strokes = [];
      this.drawing = false;
      if (this.ctx && this.canvas) this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
      this.setData({ empty: true });
      this.triggerEvent('change', { strokes: [] });
    },
    copy: function () {
      return this.strokes.map(function (stroke) {
        return stroke.map(function (p) {
          return { x: p.x, y: p.y };
        });
      });
    },
    exportImage: function () {
      if (!this.canvas) return;
      var self = this;
      var count = this.strokes.length;
      wx.canvasToTempFilePath(
        {
          canvas: this.canvas,
          fileType: 'png',
          success: function (res) {
            if (self.strokes.length === count) self.triggerEvent('image', { tempFilePath: res.tempFilePath, count: count });
          },
        },
        this,
      );
    },
  },
});
